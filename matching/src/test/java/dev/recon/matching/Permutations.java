package dev.recon.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every order of a few records, to prove a decision does not depend on arrival order. */
public final class Permutations {

  /** 8! = 40,320 orders; more would make a unit test slow without proving more. */
  private static final int MAX_ELEMENTS = 8;

  private Permutations() {}

  public static <T> List<List<T>> of(List<T> elements) {
    if (elements.size() > MAX_ELEMENTS) {
      throw new IllegalArgumentException("too many elements to permute: " + elements.size());
    }
    List<List<T>> result = new ArrayList<>();
    permute(new ArrayList<>(elements), 0, result);
    return result;
  }

  private static <T> void permute(List<T> elements, int from, List<List<T>> result) {
    if (from == elements.size()) {
      result.add(List.copyOf(elements));
      return;
    }
    for (int i = from; i < elements.size(); i++) {
      Collections.swap(elements, from, i);
      permute(elements, from + 1, result);
      Collections.swap(elements, from, i);
    }
  }
}

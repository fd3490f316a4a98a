package dev.recon.normalization.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldListTest {

  @Test
  void behavesAsAnUnmodifiableListOfItsFirstElements() {
    List<String> fields = FieldList.owning(new String[] {"a", "b", "c", null}, 3);
    assertThat(fields).containsExactly("a", "b", "c").isEqualTo(List.of("a", "b", "c"));
    assertThat(fields.hashCode()).isEqualTo(List.of("a", "b", "c").hashCode());
    assertThat(fields.subList(0, 2)).containsExactly("a", "b");
    assertThat(fields.subList(1, 3)).containsExactly("b", "c");
    assertThat(fields.toArray()).containsExactly("a", "b", "c");
    assertThatThrownBy(() -> fields.add("d")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> fields.set(0, "z")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> fields.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> fields.subList(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void immutableCopiesOnlyOtherLists() {
    List<String> owned = FieldList.owning(new String[] {"x"}, 1);
    assertThat(FieldList.immutable(owned)).isSameAs(owned);
    List<String> copied = FieldList.immutable(new java.util.ArrayList<>(List.of("x")));
    assertThat(copied).containsExactly("x");
    assertThatThrownBy(() -> copied.add("y")).isInstanceOf(UnsupportedOperationException.class);
  }
}

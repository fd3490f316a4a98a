package dev.recon.reporting.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Server-rendered pages: Mustache templates from the classpath, HTML-escaped by default. */
final class Templates {

  private final MustacheFactory factory =
      new DefaultMustacheFactory("dev/recon/reporting/web/templates");

  /** Renders {@code <name>.mustache} with the model; templates are compiled once and cached. */
  String render(String name, Map<String, ?> model) {
    Mustache template = factory.compile(name + ".mustache");
    StringWriter out = new StringWriter();
    template.execute(out, new HashMap<>(model));
    return out.toString();
  }
}

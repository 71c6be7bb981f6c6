package horde.importer;

import java.util.function.UnaryOperator;

/** Turns recorded text into Horde template text. */
final class TemplateText {
  private TemplateText() {}

  /** {@code text} as a template that renders it unchanged: every {@code ${} written {@code $${}. */
  static String literal(String text) {
    return text.replace("${", "$${");
  }

  /** A reference to an environment variable that renders empty when it is not set. */
  static String env(String name) {
    return "${env." + name + ":-}";
  }

  /** Whether {@code text} holds a reference (a {@code ${} that is not {@code $${}). */
  static boolean hasReference(String text) {
    for (int i = text.indexOf("${"); i >= 0; i = text.indexOf("${", i + 2)) {
      if (i == 0 || text.charAt(i - 1) != '$') return true;
    }
    return false;
  }

  /**
   * {@code template} with {@code f} applied to its literal text between references (as the text it
   * renders, {@code $${} read as {@code ${}), the references kept as they are.
   */
  static String mapLiterals(String template, UnaryOperator<String> f) {
    StringBuilder out = new StringBuilder();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int close = template.indexOf('}', i);
      if (template.startsWith("$${", i)) {
        text.append("${");
        i += 3;
      } else if (template.startsWith("${", i) && close > 0) {
        out.append(literal(f.apply(text.toString()))).append(template, i, close + 1);
        text.setLength(0);
        i = close + 1;
      } else {
        text.append(template.charAt(i++));
      }
    }
    return out.append(literal(f.apply(text.toString()))).toString();
  }
}

package io.eddy.sql.internal;

import io.eddy.grammar.EddyParser.IdentifierContext;
import io.eddy.grammar.EddyParser.OptionContext;
import io.eddy.grammar.EddyParser.OptionKeyContext;
import io.eddy.grammar.EddyParser.OptionValueContext;
import io.eddy.grammar.EddyParser.WithOptionsContext;
import io.eddy.sql.ast.Identifier;
import io.eddy.sql.ast.Options;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code WITH (key = value, ...)} and {@code SET key = value}. Keys are identifiers, dotted
 * identifiers or strings and are lower-cased; values are strings (quotes removed), numbers or
 * names, as written. A key given twice is a syntax error. Stateless apart from the source.
 */
public final class OptionsReader {
  private final SourceText source;

  public OptionsReader(SourceText source) {
    this.source = source;
  }

  /** The options of a WITH clause; {@link Options#EMPTY} when {@code ctx} is null. */
  public Options read(WithOptionsContext ctx) {
    if (ctx == null) {
      return Options.EMPTY;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (OptionContext option : ctx.option()) {
      String key = key(option.optionKey());
      if (values.putIfAbsent(key, value(option.optionValue())) != null) {
        throw source.error(option.optionKey(), "option '" + key + "' is given twice",
            "give each option once");
      }
    }
    return new Options(values);
  }

  /** An option key, lower-cased. */
  public String key(OptionKeyContext ctx) {
    String key = ctx.STRING_LITERAL() != null ? Literals.string(ctx.STRING_LITERAL().getText())
        : dotted(ctx.identifier());
    if (key.isEmpty()) {
      throw source.error(ctx, "empty option name", null);
    }
    return key.toLowerCase(Locale.ROOT);
  }

  /** An option value as written, without quotes. */
  public String value(OptionValueContext ctx) {
    if (ctx.STRING_LITERAL() != null) {
      return Literals.string(ctx.STRING_LITERAL().getText());
    }
    return ctx.identifier().isEmpty() ? ctx.getText() : dotted(ctx.identifier());
  }

  private String dotted(List<IdentifierContext> parts) {
    return parts.stream().map(source::identifier).map(Identifier::name).collect(Collectors.joining("."));
  }
}

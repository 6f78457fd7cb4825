package io.eddy.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueFormatTest {

  private static String f(Object v, TypeKind kind) {
    return ValueFormat.format(v, SqlType.of(kind));
  }

  @Test
  void formatsEveryKind() {
    assertEquals("null", f(null, TypeKind.BIGINT));
    assertEquals("true", f(true, TypeKind.BOOLEAN));
    assertEquals("-7", f(-7, TypeKind.INT));
    assertEquals("9000000000", f(9_000_000_000L, TypeKind.BIGINT));
    assertEquals("0.30000000000000004", f(0.1 + 0.2, TypeKind.DOUBLE));
    assertEquals("1.0E20", f(1e20, TypeKind.DOUBLE));
    assertEquals("1000000.50", ValueFormat.format(new BigDecimal("1.00000050E6"), SqlType.decimal(10, 2)));
    assertEquals("2024-01-01 00:00:00.000", f(1704067200000L, TypeKind.TIMESTAMP));
    assertEquals("1969-12-31 23:59:59.999", f(-1L, TypeKind.TIMESTAMP));
    assertEquals("2024-01-01", f(19723, TypeKind.DATE));
  }

  @Test
  void quotesAmbiguousStrings() {
    assertEquals("abc", f("abc", TypeKind.VARCHAR));
    assertEquals("a b", f("a b", TypeKind.VARCHAR));
    assertEquals("''", f("", TypeKind.VARCHAR));
    assertEquals("'null'", f("null", TypeKind.VARCHAR));
    assertEquals("'a|b'", f("a|b", TypeKind.VARCHAR));
    assertEquals("'it''s'", f("it's", TypeKind.VARCHAR));
    assertEquals("' x'", f(" x", TypeKind.VARCHAR));
    assertEquals(List.of("'a|b'", "c"), Cells.split("'a|b' | c"));
  }

  @Test
  void flagsValuesOfTheWrongClass() {
    assertEquals("!Integer(5)", f(5, TypeKind.BIGINT));
    assertEquals("!Long(5)", f(5L, TypeKind.DATE));
  }
}

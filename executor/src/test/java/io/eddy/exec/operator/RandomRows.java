package io.eddy.exec.operator;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random schemas and rows over small value domains, so that keys collide, values repeat and
 * NULLs are common. Doubles are multiples of 0.25 and sums stay exact; a few BIGINTs are huge so
 * that sums overflow (the group's row is then withheld, by the operator and the reference alike). Seeded; not thread-safe.
 */
final class RandomRows {
  static final SqlType DECIMAL = SqlType.decimal(10, 2);
  private static final String[] STRINGS = {"", "a", "b", "ab", "zz", "\u00e9t\u00e9"};

  private final Random random;

  RandomRows(Random random) {
    this.random = random;
  }

  /** A schema with one column of every kind, in random order, then 0-3 random extra columns. */
  RowType schemaWithEveryKind() {
    List<Column> cols = new ArrayList<>();
    for (TypeKind k : TypeKind.values()) {
      cols.add(column(cols.size(), k));
    }
    java.util.Collections.shuffle(cols, random);
    for (int i = random.nextInt(4); i > 0; i--) {
      cols.add(column(cols.size(), TypeKind.values()[random.nextInt(TypeKind.values().length)]));
    }
    return new RowType(cols);
  }

  private Column column(int i, TypeKind k) {
    SqlType t = k == TypeKind.DECIMAL ? DECIMAL : SqlType.of(k);
    return new Column("c" + i + "_" + k.name().toLowerCase(java.util.Locale.ROOT), t.withNullable(random.nextInt(4) != 0));
  }

  Row row(RowType type) {
    Object[] v = new Object[type.size()];
    for (int c = 0; c < v.length; c++) {
      v[c] = type.type(c).nullable() && random.nextInt(6) == 0 ? null : value(type.type(c).kind());
    }
    return new Row(v);
  }

  Object value(TypeKind kind) {
    int k = random.nextInt(9) - 4;
    return switch (kind) {
      case BOOLEAN -> random.nextBoolean();
      case INT -> k;
      case DATE -> 19_000 + k;
      case BIGINT -> random.nextInt(20) == 0 ? (k < 0 ? Long.MIN_VALUE / 3 : Long.MAX_VALUE / 3) : (long) k * 7;
      case TIMESTAMP -> 1_700_000_000_000L + k * 1000L;
      case DOUBLE -> k * 0.25;
      case DECIMAL -> BigDecimal.valueOf(k * 137L, 2);
      case VARCHAR -> STRINGS[random.nextInt(STRINGS.length)];
    };
  }

  /** Indexes of the columns of {@code type} whose kind is one of {@code kinds}. */
  static List<Integer> columnsOf(RowType type, TypeKind... kinds) {
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < type.size(); c++) {
      if (List.of(kinds).contains(type.type(c).kind())) {
        out.add(c);
      }
    }
    return out;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  Random random() {
    return random;
  }
}

package io.eddy.jdbc;

import io.eddy.common.type.Column;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.engine.CatalogEntry;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.Meta.Pat;
import org.apache.calcite.avatica.MetaImpl.MetaColumn;
import org.apache.calcite.avatica.MetaImpl.MetaTable;
import org.apache.calcite.avatica.MetaImpl.MetaTableType;

/**
 * DatabaseMetaData rows computed from a session's catalog. Eddy has one namespace, so catalog and
 * schema are null. Table types are STREAM, TABLE and VIEW. Name patterns are SQL LIKE patterns
 * ({@code %}, {@code _}, backslash escape) matched case-insensitively, as identifiers are.
 */
final class CatalogMetadata {
  static final List<String> TABLE_TYPES = List.of("STREAM", "TABLE", "VIEW");

  private CatalogMetadata() {}

  static List<MetaTableType> tableTypes() {
    return TABLE_TYPES.stream().map(MetaTableType::new).toList();
  }

  /** Entries matching {@code namePattern} whose kind is in {@code types} (null: any). */
  static List<MetaTable> tables(List<CatalogEntry> catalog, Pat namePattern, List<String> types) {
    Pattern name = like(namePattern);
    List<MetaTable> rows = new ArrayList<>();
    for (CatalogEntry e : sorted(catalog)) {
      if (name.matcher(e.name()).matches() && (types == null || types.contains(e.kind()))) {
        rows.add(new MetaTable(null, null, e.name(), e.kind()));
      }
    }
    return rows;
  }

  /** Columns of the entries matching {@code tablePattern}, filtered by {@code columnPattern}. */
  static List<MetaColumn> columns(List<CatalogEntry> catalog, Pat tablePattern, Pat columnPattern) {
    Pattern table = like(tablePattern);
    Pattern column = like(columnPattern);
    List<MetaColumn> rows = new ArrayList<>();
    for (CatalogEntry e : sorted(catalog)) {
      if (!table.matcher(e.name()).matches()) {
        continue;
      }
      for (int i = 0; i < e.columns().size(); i++) {
        Column c = e.columns().get(i);
        if (column.matcher(c.name()).matches()) {
          rows.add(column(e.name(), c, i + 1));
        }
      }
    }
    return rows;
  }

  private static MetaColumn column(String table, Column c, int position) {
    SqlType t = c.type();
    TypeKind kind = t.kind();
    Integer size = t.precision() > 0 ? t.precision() : null;
    Integer digits = kind == TypeKind.DECIMAL ? t.scale() : null;
    Integer radix = switch (kind) {
      case INT, BIGINT, DECIMAL, DOUBLE -> 10;
      default -> null;
    };
    return new MetaColumn(null, null, table, c.name(), TypeMapping.jdbcType(kind),
        TypeMapping.typeName(kind), size, digits, radix,
        t.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        kind == TypeKind.VARCHAR ? size : null, position, t.nullable() ? "YES" : "NO", "NO", "NO");
  }

  private static List<CatalogEntry> sorted(List<CatalogEntry> catalog) {
    List<CatalogEntry> copy = new ArrayList<>(catalog);
    copy.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    return copy;
  }

  /** A case-insensitive regex for a LIKE pattern; null or absent matches everything. */
  static Pattern like(Pat pattern) {
    String s = pattern == null ? null : pattern.s;
    if (s == null) {
      return Pattern.compile(".*", Pattern.DOTALL);
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length()) {
        regex.append(Pattern.quote(String.valueOf(s.charAt(++i))));
      } else if (ch == '%') {
        regex.append(".*");
      } else if (ch == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }
}

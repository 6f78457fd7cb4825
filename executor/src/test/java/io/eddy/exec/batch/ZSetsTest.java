package io.eddy.exec.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZSetsTest {
  private static final RowType TYPE = new RowType(List.of(
      new Column("k", SqlType.of(TypeKind.VARCHAR)), new Column("v", SqlType.of(TypeKind.BIGINT))));

  private static ZBatch batch(Object... rowsAndWeights) {
    BatchBuilder b = new BatchBuilder(TYPE);
    for (int i = 0; i < rowsAndWeights.length; i += 3) {
      b.addRow(new Object[] {rowsAndWeights[i], rowsAndWeights[i + 1]}, (Integer) rowsAndWeights[i + 2]);
    }
    return b.build();
  }

  @Test
  void consolidateSumsWeightsAndDropsZeros() {
    Map<Row, Long> z = ZSets.consolidate(batch("a", 1L, 2, "b", null, 1, "a", 1L, 1, "b", null, -1, "c", 3L, 0));
    assertEquals(Map.of(Row.of("a", 1L), 3L), z);
  }

  @Test
  void plusAndNegateFormAGroup() {
    Map<Row, Long> a = ZSets.consolidate(batch("a", 1L, 2, "b", 2L, -1));
    Map<Row, Long> b = ZSets.consolidate(batch("a", 1L, 1, "c", 3L, 4));
    assertEquals(Map.of(Row.of("a", 1L), 3L, Row.of("b", 2L), -1L, Row.of("c", 3L), 4L), ZSets.plus(a, b));
    assertTrue(ZSets.plus(a, ZSets.negate(a)).isEmpty());
    assertEquals(ZSets.negate(a), ZSets.consolidate(ZSets.negate(batch("a", 1L, 2, "b", 2L, -1))));
  }

  @Test
  void toBatchRoundTrips() {
    Map<Row, Long> z = ZSets.consolidate(batch("a", null, 2, "b", 2L, -1));
    assertEquals(z, ZSets.consolidate(ZSets.toBatch(TYPE, z)));
  }
}

package io.eddy.planner.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * The expressions of a {@link RexProgram} that can fail at run time (calls, not plain column
 * references or literals), as short text with input columns by name, for runtime error messages:
 * {@code WHERE >(/(price, qty), 1); CAST(note):INTEGER}.
 */
public final class ExpressionText {
  private static final Pattern INPUT = Pattern.compile("\\$(\\d+)");
  private static final int MAX = 300;

  private ExpressionText() {}

  public static String of(RexProgram program) {
    List<String> parts = new ArrayList<>();
    List<RelDataTypeField> fields = program.getInputRowType().getFieldList();
    if (program.getCondition() != null) {
      parts.add("WHERE " + named(program.expandLocalRef(program.getCondition()), fields));
    }
    for (RexLocalRef ref : program.getProjectList()) {
      RexNode e = program.expandLocalRef(ref);
      if (e instanceof RexCall) {
        parts.add(named(e, fields));
      }
    }
    String text = String.join("; ", parts);
    return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
  }

  private static String named(RexNode e, List<RelDataTypeField> fields) {
    Matcher m = INPUT.matcher(e.toString());
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      String name = i < fields.size() ? fields.get(i).getName() : m.group();
      m.appendReplacement(sb, Matcher.quoteReplacement(name));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}

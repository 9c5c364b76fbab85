package dev.shoal.planner.calcite;

import com.google.common.collect.ImmutableList;
import dev.shoal.core.plan.ScanColumn;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * A table whose rows the planner computes (the information schema's, from the catalog): a query
 * reads it as a VALUES of those rows, so that filters, joins and aggregates over it plan as usual.
 * Columns are VARCHAR, BIGINT, BOOLEAN or TIMESTAMP.
 */
class ValuesTable extends AbstractTable implements TranslatableTable {
    private final List<ScanColumn> columns;
    private final Supplier<List<List<Object>>> rows;

    ValuesTable(List<ScanColumn> columns, Supplier<List<List<Object>>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return SqlTypes.rowType(typeFactory, columns);
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
        RelDataType rowType = table.getRowType();
        RexBuilder rex = context.getCluster().getRexBuilder();
        ImmutableList.Builder<ImmutableList<RexLiteral>> tuples = ImmutableList.builder();
        for (List<Object> row : rows.get()) {
            ImmutableList.Builder<RexLiteral> tuple = ImmutableList.builder();
            for (int i = 0; i < row.size(); i++) {
                RelDataType type = rowType.getFieldList().get(i).getType();
                Object value = row.get(i);
                tuple.add(literal(rex, value, type));
            }
            tuples.add(tuple.build());
        }
        return LogicalValues.create(context.getCluster(), rowType, tuples.build());
    }

    private static RexLiteral literal(RexBuilder rex, Object value, RelDataType type) {
        if (value == null) {
            return rex.makeNullLiteral(type);
        }
        if (value instanceof Long number) {
            return (RexLiteral) rex.makeLiteral(BigDecimal.valueOf(number), type);
        }
        if (value instanceof Boolean bool) {
            return (RexLiteral) rex.makeLiteral(bool, type);
        }
        if (value instanceof Instant instant) {
            LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            return (RexLiteral) rex.makeLiteral(new TimestampString(utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth(), utc.getHour(),
                    utc.getMinute(), utc.getSecond()).withNanos(utc.getNano()), type);
        }
        return (RexLiteral) rex.makeLiteral(value.toString(), type);
    }
}

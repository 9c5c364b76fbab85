package dev.shoal.planner.calcite;

import dev.shoal.core.catalog.ViewDefinition;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.List;

/**
 * A view as Calcite sees it: the columns it was created with, and, when a query reads it, its
 * query planned again through the converter's view expander (Calcite's own mechanism for views),
 * cast to those columns.
 */
public final class CatalogView extends AbstractTable implements TranslatableTable {
    private final ViewDefinition definition;

    public CatalogView(ViewDefinition definition) {
        this.definition = definition;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return SqlTypes.rowType(typeFactory, definition.columns());
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
        RelDataType rowType = table.getRowType();
        RelNode expanded = context.expandView(rowType, definition.sql(), List.of(definition.sqlSchema()),
                List.of(definition.schema(), definition.name())).rel;
        return RelOptUtil.createCastRel(expanded, rowType, true);
    }
}

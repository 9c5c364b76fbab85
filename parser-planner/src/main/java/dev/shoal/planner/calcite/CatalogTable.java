package dev.shoal.planner.calcite;

import dev.shoal.core.plan.ScanColumn;
import dev.shoal.parquet.catalog.TableDefinition;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/** A catalog table as Calcite sees it: a row type, and the definition the translator reads back. */
public final class CatalogTable extends AbstractTable {
    private final TableDefinition definition;

    public CatalogTable(TableDefinition definition) {
        this.definition = definition;
    }

    public TableDefinition definition() {
        return definition;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (ScanColumn column : definition.columns()) {
            builder.add(column.name(), SqlTypes.toCalcite(typeFactory, column.type()));
        }
        return builder.build();
    }
}

package dev.shoal.planner.calcite;

import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableStatistics;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.List;
import java.util.function.Function;

/** A catalog table as Calcite sees it: a row type, and the definition the translator reads back. */
public final class CatalogTable extends AbstractTable {
    private final TableDefinition definition;
    private final Function<TableDefinition, TableStatistics> statistics;

    public CatalogTable(TableDefinition definition, Function<TableDefinition, TableStatistics> statistics) {
        this.definition = definition;
        this.statistics = statistics;
    }

    public TableDefinition definition() {
        return definition;
    }

    public TableStatistics statistics() {
        return statistics.apply(definition);
    }

    /** Row counts from Parquet footers drive Calcite's join ordering. */
    @Override
    public Statistic getStatistic() {
        TableStatistics stats = statistics();
        return stats.known() ? Statistics.of(stats.rowCount(), List.of()) : Statistics.UNKNOWN;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return SqlTypes.rowType(typeFactory, definition.columns());
    }
}

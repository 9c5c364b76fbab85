package dev.shoal.planner.calcite;

import dev.shoal.core.catalog.Catalog;
import dev.shoal.core.catalog.TableDefinition;
import dev.shoal.core.catalog.TableStatistics;
import dev.shoal.core.error.ErrorCode;
import dev.shoal.core.error.ShoalException;
import dev.shoal.planner.Session;
import dev.shoal.planner.parser.ShoalParser;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Calcite's front end for one plan: the catalog as Calcite schemas, a validator with Trino's
 * rules, and the converter to relational algebra, which expands views by planning their query
 * with the same front end (views of views included, up to {@link #MAX_VIEW_DEPTH} deep).
 */
public final class SqlFrontEnd implements RelOptTable.ViewExpander {
    private static final int MAX_VIEW_DEPTH = 32;

    private final JavaTypeFactoryImpl typeFactory;
    private final RelOptCluster cluster;
    private final CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    private int viewDepth;

    public SqlFrontEnd(Catalog catalog, Function<TableDefinition, TableStatistics> statistics, JavaTypeFactoryImpl typeFactory,
                       RelOptCluster cluster) {
        this(catalog, statistics, List.of(), null, typeFactory, cluster);
    }

    /** {@code session}: whose statement this is, for what the system tables show it. */
    public SqlFrontEnd(Catalog catalog, Function<TableDefinition, TableStatistics> statistics, List<SystemTable> systemTables,
                       Session session, JavaTypeFactoryImpl typeFactory, RelOptCluster cluster) {
        this.typeFactory = typeFactory;
        this.cluster = cluster;
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (String schema : catalog.schemas()) {
            schemas.put(schema, new CatalogSchema(catalog, schema, statistics));
        }
        schemas.put(InformationSchema.NAME, new InformationSchema(catalog));
        schemas.forEach(root::add);
        // Names qualified with the catalog, as Trino's are and as BI tools write them from JDBC's TABLE_CAT
        // (shoal.tpch.nation); a schema of that name, were one created, keeps its own.
        if (!schemas.containsKey(InformationSchema.CATALOG)) {
            root.add(InformationSchema.CATALOG, new SchemasOfCatalog(schemas));
        }
        if (!systemTables.isEmpty()) {
            root.add(SystemSchema.NAME, new SystemSchema(systemTables, session));
        }
    }

    /** Unqualified names are looked up in {@code schema}. */
    public CalciteCatalogReader reader(String schema) {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        return new CalciteCatalogReader(root, List.of(schema), typeFactory, new CalciteConnectionConfigImpl(properties));
    }

    public SqlValidator validator(CalciteCatalogReader reader) {
        return new TrinoValidator(ShoalOperatorTable.INSTANCE, reader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withIdentifierExpansion(true)
                        // Trino does not coerce implicitly: varchar + 1 is an error, not a guess.
                        .withTypeCoercionEnabled(false)
                        .withTypeCoercionRules(TrinoCasts.RULES)
                        .withConformance(SqlConformanceEnum.LENIENT)
                        .withDefaultNullCollation(NullCollation.LAST));
    }

    public SqlToRelConverter converter(SqlValidator validator, CalciteCatalogReader reader) {
        return new SqlToRelConverter(this, validator, reader, cluster, StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withExpand(false).withInSubQueryThreshold(Integer.MAX_VALUE));
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath, List<String> viewPath) {
        String view = String.join(".", viewPath);
        if (++viewDepth > MAX_VIEW_DEPTH) {
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "view " + view + " nests views more than " + MAX_VIEW_DEPTH
                    + " deep; does it read itself?");
        }
        try {
            CalciteCatalogReader reader = reader(schemaPath.get(0));
            SqlValidator validator = validator(reader);
            SqlNode validated = validator.validate(ShoalParser.parseQuery(queryString));
            // Validated once, above; not the top of a query, but its ORDER BY stays when a LIMIT needs it.
            return converter(validator, reader).convertQuery(validated, false, false);
        } catch (CalciteContextException e) {
            String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new ShoalException(ErrorCode.INVALID_ARGUMENT, "view " + view + " no longer plans: " + message, e);
        } finally {
            viewDepth--;
        }
    }
}

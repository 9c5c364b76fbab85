package dev.shoal.core.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.shoal.core.type.DataType;

import java.util.List;

/** A node of an executable plan: immutable, serializable, typed by its output columns. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "node")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TableScanNode.class, name = "scan"),
        @JsonSubTypes.Type(value = ValuesNode.class, name = "values"),
        @JsonSubTypes.Type(value = FilterNode.class, name = "filter"),
        @JsonSubTypes.Type(value = ProjectNode.class, name = "project"),
        @JsonSubTypes.Type(value = AggregateNode.class, name = "aggregate"),
        @JsonSubTypes.Type(value = SortNode.class, name = "sort"),
        @JsonSubTypes.Type(value = TopNNode.class, name = "topN"),
        @JsonSubTypes.Type(value = LimitNode.class, name = "limit"),
        @JsonSubTypes.Type(value = JoinNode.class, name = "join"),
        @JsonSubTypes.Type(value = ExchangeNode.class, name = "exchange"),
        @JsonSubTypes.Type(value = RemoteSourceNode.class, name = "remoteSource"),
        @JsonSubTypes.Type(value = UnionNode.class, name = "union"),
        @JsonSubTypes.Type(value = WindowNode.class, name = "window"),
        @JsonSubTypes.Type(value = DynamicFilterNode.class, name = "dynamicFilter"),
        @JsonSubTypes.Type(value = TableWriterNode.class, name = "tableWriter")})
public sealed interface PlanNode
        permits TableScanNode, ValuesNode, FilterNode, ProjectNode, AggregateNode, SortNode, TopNNode, LimitNode,
        JoinNode, ExchangeNode, RemoteSourceNode, UnionNode, WindowNode, DynamicFilterNode, TableWriterNode {

    @JsonIgnore
    List<DataType> outputTypes();

    @JsonIgnore
    List<PlanNode> inputs();

    /** This node over other inputs (same count), for rewrites that only touch the leaves. */
    PlanNode withInputs(List<PlanNode> newInputs);

    /** Dispatches to the visitor's method for this node's type. */
    <R, C> R accept(PlanVisitor<R, C> visitor, C context);
}

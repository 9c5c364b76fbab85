package dev.shoal.core.expr;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.shoal.core.type.DataType;

/** A scalar expression over the columns of one input row, typed by the planner. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "expr")
@JsonSubTypes({
        @JsonSubTypes.Type(value = InputRef.class, name = "input"),
        @JsonSubTypes.Type(value = Literal.class, name = "literal"),
        @JsonSubTypes.Type(value = Call.class, name = "call")})
public sealed interface Expr permits InputRef, Literal, Call {
    DataType type();
}

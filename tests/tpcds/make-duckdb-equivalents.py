#!/usr/bin/env python3
"""Writes tests/tpcds/duckdb/qNN.sql: the text DuckDB runs for a TPC-DS query whose answer under
Trino's semantics differs from DuckDB's. Each rewrite is an exact string replacement of the
original text (checked to match), and each file starts with the rule it applies, per column, and
why. Run from the repository root after changing a rule: python3 tests/tpcds/make-duckdb-equivalents.py

Trino's rules that DuckDB does not share:
- a decimal quotient has scale max(s1, s2), rounded half up (DuckDB divides in DOUBLE);
- avg of a decimal is a decimal of the argument's scale, rounded half up (DuckDB: DOUBLE);
- concat is NULL when any argument is NULL (DuckDB's concat skips NULLs; its || does not).
Quotients are computed here exactly, in integers: X and Y are the operands' values in hundredths
(every operand here has at most two decimals), and the quotient with s decimals is
sign(X) * sign(Y) * ((2 * |X| * 10^s + |Y|) // (2 * |Y|)), times 10^-s.
"""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent
QUERIES, OUT = ROOT / "queries", ROOT / "duckdb"


def quotient(x, y, scale):
    """Trino's x / y with `scale` decimals, rounded half up, exactly (x, y with at most 2 decimals)."""
    big_x, big_y = f"CAST(({x}) * 100 AS HUGEINT)", f"CAST(({y}) * 100 AS HUGEINT)"
    return (f"(CAST(sign({big_x}) * sign({big_y}) * ((2 * abs({big_x}) * {10 ** scale} + abs({big_y})) // (2 * abs({big_y})))"
            f" AS DECIMAL(38,0)) * {10 ** -scale:.{scale}f})")


def average(argument, window):
    """Trino's avg of a DECIMAL(38,2) over a window: sum / count, rounded half up to 2 decimals."""
    return quotient(f"sum({argument}) OVER {window}", f"count({argument}) OVER {window}", 2)


AVG_MONTHLY = ("avg_monthly_sales: avg of a DECIMAL(38,2) sum is a DECIMAL(38,2) rounded half up in Trino (DuckDB: DOUBLE),"
               " and |sum_sales - avg_monthly_sales| / avg_monthly_sales a DECIMAL(38,2) quotient: both computed exactly,"
               " so that the filter and the order see Trino's values")
YEAR_RATIO = ("the year-over-year ratios: year_total / year_total is a DECIMAL(38,2) quotient in Trino (DuckDB: DOUBLE):"
              " computed exactly, so that the comparison of two ratios sees Trino's values")


def avg_monthly(text):
    text, n = re.subn(r'"?avg"?\((sum\("(?:ss|cs)_sales_price"\))\) OVER (\(PARTITION BY [^)]*\))',
                      lambda m: average(m.group(1), m.group(2)), text)
    assert n == 1, n
    return replace(text, '(abs(("sum_sales" - "avg_monthly_sales")) / "avg_monthly_sales")',
                   quotient('abs(("sum_sales" - "avg_monthly_sales"))', '"avg_monthly_sales"', 2))


def year_ratios(text, prefix=""):
    def ratio(m):
        return quotient(m.group(1), m.group(2), 2)
    text, n = re.subn(r'\(((?:"?t_[scw]_secyear"?)\."year_total") / ((?:"?t_[scw]_firstyear"?)\."year_total")\)', ratio, text)
    assert n >= 2, n
    return text


def replace(text, old, new, count=1):
    assert text.count(old) == count, (old, text.count(old))
    return text.replace(old, new)


def q04(text):
    for channel in "scw":
        numerator = f'((("{channel}s_ext_list_price" - "{channel}s_ext_wholesale_cost") - "{channel}s_ext_discount_amt") + "{channel}s_ext_sales_price")'
        text = replace(text, f"sum(({numerator} / 2))", f"sum({quotient(numerator, '2', 2)})")
    return year_ratios(text)


def q66(text):
    text, n = re.subn(r'sum\(\("([a-z]{3})_sales" / "w_warehouse_sq_ft"\)\)',
                      lambda m: f'sum({quotient(chr(34) + m.group(1) + "_sales" + chr(34), chr(34) + "w_warehouse_sq_ft" + chr(34), 2)})', text)
    assert n == 12, n
    return text


RULES = {
    "q04": ("year_total sums (list - wholesale - discount + sales) / 2, a DECIMAL quotient with 2 decimals per row in Trino,"
            " rounded half up before the sum; " + YEAR_RATIO, q04),
    "q11": (YEAR_RATIO, year_ratios),
    "q74": (YEAR_RATIO, year_ratios),
    "q21": ("inv_after / inv_before as CAST(inv_after AS DECIMAL(7,2)) / inv_before is a DECIMAL(7,2) quotient in Trino,"
            " and 2.00/3.00 is 0.67, 3.00/2.00 is 1.50: computed exactly before BETWEEN (DuckDB divides in DOUBLE)",
            lambda t: replace(replace(replace(t,
                '(CAST("inv_after" AS DECIMAL(7,2)) / "inv_before")', quotient('"inv_after"', '"inv_before"', 2)),
                "(DECIMAL '2.00' / DECIMAL '3.00')", quotient("2", "3", 2)),
                "(DECIMAL '3.00' / DECIMAL '2.00')", quotient("3", "2", 2))),
    "q36": ("gross_margin: sum(ss_net_profit) / sum(ss_ext_sales_price) is a DECIMAL(38,2) quotient in Trino (DuckDB: DOUBLE):"
            " computed exactly, in the select list and in rank()'s ORDER BY, so that ties rank as in Trino",
            lambda t: replace(t, '(sum("ss_net_profit") / sum("ss_ext_sales_price"))',
                              quotient('sum("ss_net_profit")', 'sum("ss_ext_sales_price")', 2), 2)),
    "q47": (AVG_MONTHLY, avg_monthly),
    "q57": (AVG_MONTHLY, avg_monthly),
    "q63": (AVG_MONTHLY, avg_monthly),
    "q89": (AVG_MONTHLY, avg_monthly),
    "q61": ("column 3: CAST(promotions AS DECIMAL(15,4)) / CAST(total AS DECIMAL(15,4)) is a DECIMAL(19,4) quotient in Trino,"
            " rounded half up before * 100: computed exactly (DuckDB divides in DOUBLE)",
            lambda t: replace(t, '(CAST("promotions" AS DECIMAL(15,4)) / CAST("total" AS DECIMAL(15,4)))',
                              quotient('"promotions"', '"total"', 4))),
    "q66": ("the *_per_sq_foot columns: each month's sales / w_warehouse_sq_ft is a DECIMAL(38,2) quotient per row in Trino,"
            " rounded half up before it is summed: computed exactly (DuckDB divides in DOUBLE)", q66),
    "q75": ("CAST(curr_yr.sales_cnt AS DECIMAL(17,2)) / CAST(prev_yr.sales_cnt AS DECIMAL(17,2)) is a DECIMAL(19,2) quotient"
            " in Trino: computed exactly before < 0.9 (DuckDB divides in DOUBLE)",
            lambda t: replace(t, '(CAST(curr_yr."sales_cnt" AS DECIMAL(17,2)) / CAST(prev_yr."sales_cnt" AS DECIMAL(17,2)))',
                              quotient('curr_yr."sales_cnt"', 'prev_yr."sales_cnt"', 2))),
    "q78": ("ratio: CAST(ss_qty AS DECIMAL(10,2)) / other_qty is a DECIMAL(10,2) quotient rounded half up in Trino, which"
            " round(..., 2) keeps; DuckDB rounds a DOUBLE (0.575 to 0.57): computed exactly",
            lambda t: replace(t, '"round"((CAST("ss_qty" AS DECIMAL(10,2)) / (COALESCE("ws_qty", 0) + COALESCE("cs_qty", 0))), 2)',
                              quotient('"ss_qty"', '(COALESCE("ws_qty", 0) + COALESCE("cs_qty", 0))', 2), 2)),
    "q84": ("customername: Trino's concat is NULL when any argument is NULL; DuckDB's concat skips NULLs, its || does not",
            lambda t: replace(t, 'concat(concat("c_last_name", \', \'), "c_first_name")', '(("c_last_name" || \', \') || "c_first_name")')),
}

OUT.mkdir(exist_ok=True)
for old in OUT.glob("q*.sql"):
    old.unlink()
for name, (rule, rewrite) in sorted(RULES.items()):
    original = (QUERIES / f"{name}.sql").read_text()
    header = f"-- DuckDB's equivalent of {name}.sql under Trino's semantics (written by make-duckdb-equivalents.py):\n-- {rule}.\n"
    (OUT / f"{name}.sql").write_text(header + rewrite(original))
print(f"{len(RULES)} files in {OUT}")

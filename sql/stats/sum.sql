-- Two branches of a balanced sum tree (see bit_or.sql).
({{left}} + {{right}})

-- Two branches of a balanced OR tree (deep left-leaning chains of thousands of terms overflow the parser).
({{left}} | {{right}})

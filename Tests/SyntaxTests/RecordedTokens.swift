// Expected values in this file were recorded from CPython 3.11.7 (python3),
// not written by hand. Do not edit them manually; re-record instead.

import XCTest
@testable import Syntax

/// Token streams from Python's `tokenize` module (NL and COMMENT tokens,
/// which the C tokenizer does not produce, removed): KIND(text)@line:col.
enum RecordedTokens {
    static let cases: [(String, String)] = [
        ("x = 1\n",
         "NAME(x)@1:0 OP(=)@1:2 NUMBER(1)@1:4 NEWLINE ENDMARKER"),
        ("if x:\n    y = 2\n    if z:\n        w = 3\nv = 4\n",
         "NAME(if)@1:0 NAME(x)@1:3 OP(:)@1:4 NEWLINE INDENT NAME(y)@2:4 OP(=)@2:6 NUMBER(2)@2:8 NEWLINE NAME(if)@3:4 NAME(z)@3:7 OP(:)@3:8 NEWLINE INDENT NAME(w)@4:8 OP(=)@4:10 NUMBER(3)@4:12 NEWLINE DEDENT DEDENT NAME(v)@5:0 OP(=)@5:2 NUMBER(4)@5:4 NEWLINE ENDMARKER"),
        ("if x:\n    y\n\n    # c\n  # d\n    z\n",
         "NAME(if)@1:0 NAME(x)@1:3 OP(:)@1:4 NEWLINE INDENT NAME(y)@2:4 NEWLINE NAME(z)@6:4 NEWLINE DEDENT ENDMARKER"),
        ("def f(a, b):\n\treturn a+b\n",
         "NAME(def)@1:0 NAME(f)@1:4 OP(()@1:5 NAME(a)@1:6 OP(,)@1:7 NAME(b)@1:9 OP())@1:10 OP(:)@1:11 NEWLINE INDENT NAME(return)@2:1 NAME(a)@2:8 OP(+)@2:9 NAME(b)@2:10 NEWLINE DEDENT ENDMARKER"),
        ("x = (1,\n     2)\ny = [3,\n4]\n",
         "NAME(x)@1:0 OP(=)@1:2 OP(()@1:4 NUMBER(1)@1:5 OP(,)@1:6 NUMBER(2)@2:5 OP())@2:6 NEWLINE NAME(y)@3:0 OP(=)@3:2 OP([)@3:4 NUMBER(3)@3:5 OP(,)@3:6 NUMBER(4)@4:0 OP(])@4:1 NEWLINE ENDMARKER"),
        ("x = 1 + \\\n    2\n",
         "NAME(x)@1:0 OP(=)@1:2 NUMBER(1)@1:4 OP(+)@1:6 NUMBER(2)@2:4 NEWLINE ENDMARKER"),
        ("a**=b//=c>>=d<<=e->f:=g!=h==i<=j>=k...l@m",
         "NAME(a)@1:0 OP(**=)@1:1 NAME(b)@1:4 OP(//=)@1:5 NAME(c)@1:8 OP(>>=)@1:9 NAME(d)@1:12 OP(<<=)@1:13 NAME(e)@1:16 OP(->)@1:17 NAME(f)@1:19 OP(:=)@1:20 NAME(g)@1:22 OP(!=)@1:23 NAME(h)@1:25 OP(==)@1:26 NAME(i)@1:28 OP(<=)@1:29 NAME(j)@1:31 OP(>=)@1:32 NAME(k)@1:34 OP(...)@1:35 NAME(l)@1:38 OP(@)@1:39 NAME(m)@1:40 NEWLINE ENDMARKER"),
        ("s = 'a' \"b\" '''c\nd''' rb'e' f\"{g}\"\n",
         "NAME(s)@1:0 OP(=)@1:2 STRING('a')@1:4 STRING(\"b\")@1:8 STRING('''c\nd''')@1:12 STRING(rb'e')@2:5 STRING(f\"{g}\")@2:11 NEWLINE ENDMARKER"),
        ("n = 0x_1f + 0o7 + 0b1 + 1_0 + 1.5e-3 + .5 + 5. + 1e5\n",
         "NAME(n)@1:0 OP(=)@1:2 NUMBER(0x_1f)@1:4 OP(+)@1:10 NUMBER(0o7)@1:12 OP(+)@1:16 NUMBER(0b1)@1:18 OP(+)@1:22 NUMBER(1_0)@1:24 OP(+)@1:28 NUMBER(1.5e-3)@1:30 OP(+)@1:37 NUMBER(.5)@1:39 OP(+)@1:42 NUMBER(5.)@1:44 OP(+)@1:47 NUMBER(1e5)@1:49 NEWLINE ENDMARKER"),
        ("x = 1  # comment",
         "NAME(x)@1:0 OP(=)@1:2 NUMBER(1)@1:4 NEWLINE ENDMARKER"),
        ("é = 1\nπ = é\n",
         "NAME(é)@1:0 OP(=)@1:2 NUMBER(1)@1:4 NEWLINE NAME(π)@2:0 OP(=)@2:2 NAME(é)@2:4 NEWLINE ENDMARKER"),
        ("if a:\n  if b:\n    c\nd",
         "NAME(if)@1:0 NAME(a)@1:3 OP(:)@1:4 NEWLINE INDENT NAME(if)@2:2 NAME(b)@2:5 OP(:)@2:6 NEWLINE INDENT NAME(c)@3:4 NEWLINE DEDENT DEDENT NAME(d)@4:0 NEWLINE ENDMARKER"),
        ("x = 1if y else 2\n",
         "NAME(x)@1:0 OP(=)@1:2 NUMBER(1)@1:4 NAME(if)@1:5 NAME(y)@1:8 NAME(else)@1:10 NUMBER(2)@1:15 NEWLINE ENDMARKER"),
        ("\n\n\n",
         "ENDMARKER"),
        ("",
         "ENDMARKER"),
        ("class C:\n    pass\n\n\n\nx=1",
         "NAME(class)@1:0 NAME(C)@1:6 OP(:)@1:7 NEWLINE INDENT NAME(pass)@2:4 NEWLINE DEDENT NAME(x)@6:0 OP(=)@6:1 NUMBER(1)@6:2 NEWLINE ENDMARKER"),
    ]
}

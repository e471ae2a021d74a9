# Program: a tokenizer plus shunting-yard and RPN evaluator for arithmetic expressions.
class CalcError(Exception):
    pass
PREC = {'+': 1, '-': 1, '*': 2, '/': 2, '%': 2, '^': 3}
def tokenize(expr):
    tokens = []
    i = 0
    while i < len(expr):
        ch = expr[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(expr) and (expr[j].isdigit() or expr[j] == '.'):
                j += 1
            num = expr[i:j]
            tokens.append(float(num) if '.' in num else int(num))
            i = j
        elif ch in PREC or ch in '()':
            tokens.append(ch)
            i += 1
        else:
            raise CalcError(f'bad character {ch!r} at {i}')
    return tokens
def to_rpn(tokens):
    out, stack = [], []
    for t in tokens:
        if isinstance(t, (int, float)):
            out.append(t)
        elif t == '(':
            stack.append(t)
        elif t == ')':
            while stack and stack[-1] != '(':
                out.append(stack.pop())
            if not stack:
                raise CalcError('unbalanced )')
            stack.pop()
        else:
            while stack and stack[-1] != '(' and (PREC[stack[-1]] > PREC[t] or (PREC[stack[-1]] == PREC[t] and t != '^')):
                out.append(stack.pop())
            stack.append(t)
    while stack:
        op = stack.pop()
        if op == '(':
            raise CalcError('unbalanced (')
        out.append(op)
    return out
def eval_rpn(rpn):
    stack = []
    for t in rpn:
        if isinstance(t, (int, float)):
            stack.append(t)
            continue
        if len(stack) < 2:
            raise CalcError('not enough operands')
        b = stack.pop()
        a = stack.pop()
        if t == '+': stack.append(a + b)
        elif t == '-': stack.append(a - b)
        elif t == '*': stack.append(a * b)
        elif t == '/': stack.append(a / b)
        elif t == '%': stack.append(a % b)
        elif t == '^': stack.append(a ** b)
    if len(stack) != 1:
        raise CalcError('leftover operands')
    return stack[0]
for expr in ['1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', '10 / 4', '7 % 3 + 2.5', '2 ^ 100', '((4))', '1 +', '(1 + 2', '3 $ 4', '1 / 0']:
    try:
        rpn = to_rpn(tokenize(expr))
        print(f'{expr!r:14} -> {" ".join(str(t) for t in rpn):22} = {eval_rpn(rpn)}')
    except CalcError as e:
        print(f'{expr!r:14} -> error: {e}')
    except ZeroDivisionError as e:
        print(f'{expr!r:14} -> math error: {e}')

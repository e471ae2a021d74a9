# Program: student records with statistics, grouping, ranking and formatted report.
import math
class Student:
    def __init__(self, name, scores):
        self.name = name
        self.scores = list(scores)
    @property
    def average(self):
        return sum(self.scores) / len(self.scores) if self.scores else 0.0
    def letter(self):
        avg = self.average
        for cutoff, letter in [(90, 'A'), (80, 'B'), (70, 'C'), (60, 'D')]:
            if avg >= cutoff:
                return letter
        return 'F'
    def __lt__(self, other):
        return (-self.average, self.name) < (-other.average, other.name)
    def __repr__(self):
        return f'Student({self.name!r})'
roster = [
    Student('Ana', [95, 88, 92]),
    Student('Ben', [72, 65, 80]),
    Student('Cid', [88, 91, 79]),
    Student('Dee', [55, 62, 48]),
    Student('Eve', [95, 88, 92]),
    Student('Fay', []),
]
for rank, s in enumerate(sorted(roster), start=1):
    print(f'{rank}. {s.name:<4} avg={s.average:6.2f} grade={s.letter()} scores={s.scores}')
by_grade = {}
for s in roster:
    by_grade.setdefault(s.letter(), []).append(s.name)
print(dict(sorted(by_grade.items())))
all_scores = [x for s in roster for x in s.scores]
mean = sum(all_scores) / len(all_scores)
var = sum((x - mean) ** 2 for x in all_scores) / len(all_scores)
print(len(all_scores), round(mean, 3), round(math.sqrt(var), 3))
print(max(roster, key=lambda s: max(s.scores, default=0)))
print(min(sorted(roster)), sorted(roster)[-1])
top = [s.name for s in roster if s.average == max(r.average for r in roster)]
print(top)

class Report:
    def __init__(self, title, rows):
        self.title = title
        self.rows = rows

    def render():
        lines = [self.title, "=" * len(self.title)]
        lines += [f"{k:<12}{v:>8}" for k, v in self.rows]
        return "\n".join(lines)


report = Report("March 2026", [("revenue", 18250), ("costs", 9120)])
print(report.render())

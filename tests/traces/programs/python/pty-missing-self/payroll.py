from dataclasses import dataclass


@dataclass
class Timesheet:
    employee: str
    hours: list[float]
    hourly_rate: float

    def gross_pay(self) -> float:
        regular = min(sum(self.hours), 160)
        overtime = max(sum(self.hours) - 160, 0)
        return regular * self.hourly_rate + overtime * self.hourly_rate * 1.25


march = [Timesheet("J. Okafor", [8.0] * 21, 31.5), Timesheet("M. Weiss", [7.5] * 20, 28.0)]
for sheet in march:
    print(f"{sheet.employee:<12} {Timesheet.gross_pay():>10.2f}")

from billing.invoice import invoice_total, line_total


def test_single_line():
    assert line_total(10.0, 3, 0.19) == 35.7


def test_invoice_total_three_lines():
    lines = [(19.99, 2), (4.50, 10), (0.10, 3)]
    assert invoice_total(lines) == 101.4832


def test_zero_vat():
    assert invoice_total([(12.5, 4)], vat_rate=0) == 50.0

package com.acme.billing;

import java.math.BigDecimal;
import java.util.List;

public class InvoiceService {
    public BigDecimal total(List<InvoiceLine> lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (InvoiceLine line : lines) {
            sum = sum.add(line.getAmount());
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }
}

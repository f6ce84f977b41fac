package com.acme.billing;

import java.math.BigDecimal;

public record InvoiceLine(String description, BigDecimal amount) {
}

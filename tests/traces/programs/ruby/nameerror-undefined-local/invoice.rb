def invoice_total(lines)
  total = 0
  lines.each { |l| total += l[:qty] * l[:price] }
  totl.round(2)
end

puts invoice_total([{ qty: 2, price: 9.95 }, { qty: 1, price: 4.5 }])

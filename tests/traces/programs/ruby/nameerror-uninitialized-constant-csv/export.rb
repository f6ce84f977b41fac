require_relative 'lib/reports/sales'

rows = [{ date: '2026-03-01', total: 1280.5 }, { date: '2026-03-02', total: 990.0 }]
File.write('sales.csv', Reports::Sales.new(rows).to_csv)

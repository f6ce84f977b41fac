module Reports
  class Sales
    def initialize(rows)
      @rows = rows
    end

    def to_csv
      CSV.generate do |csv|
        csv << %w[date total]
        @rows.each { |r| csv << [r[:date], r[:total]] }
      end
    end
  end
end

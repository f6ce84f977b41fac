module Price
  def self.parse(str)
    euros, cents = str.split('.')
    euros.to_i * 100 + cents.to_i
  end
end

class Cart
  def initialize
    @items = []
  end

  def add(sku, qty = 1)
    if qty <= 0
      raise ArgumentError, "qty must be positive"
    @items << { sku: sku, qty: qty }
    self
  end

  def count
    @items.sum { |i| i[:qty] }
  end
end

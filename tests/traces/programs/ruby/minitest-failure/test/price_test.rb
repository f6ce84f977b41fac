require 'minitest/autorun'
require_relative '../lib/price'

class PriceTest < Minitest::Test
  def test_parses_two_decimals
    assert_equal 1250, Price.parse('12.50')
  end

  def test_parses_one_decimal
    assert_equal 1250, Price.parse('12.5')
  end

  def test_parses_integer
    assert_equal 1200, Price.parse('12')
  end
end

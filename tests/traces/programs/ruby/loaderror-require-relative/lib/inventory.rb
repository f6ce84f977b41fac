module Inventory
  def self.sync!
    puts 'synced'
  end
end

counts = { 'open' => 4, 'closed' => 17 }
counts.each do |state, n|
  puts state.ljust(8) + n
end

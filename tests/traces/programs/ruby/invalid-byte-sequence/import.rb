File.binwrite('export.csv', "id;name\n1;M\xFCller\n2;Ng\n")
File.foreach('export.csv', chomp: true) do |line|
  id, name = line.split(';')
  puts "#{id} -> #{name}"
end

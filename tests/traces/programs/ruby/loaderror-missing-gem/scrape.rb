require 'open-uri'
require 'nokogiri'

doc = Nokogiri::HTML(URI.open('https://example.org/'))
puts doc.css('h1').map(&:text)

require 'json'

payload = JSON.parse('{"order": {"id": 812, "customer": null}}')
order = payload["order"]
email = order["customer"]["email"]
puts "notifying #{email} about order #{order["id"]}"

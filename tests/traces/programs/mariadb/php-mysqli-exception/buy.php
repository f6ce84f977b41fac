<?php
$db = new mysqli('127.0.0.1', 'shop_app', 'Sh0p-dev!', 'events');
$eventId = 4;   // the event is created by the admin import that runs afterwards
$stmt = $db->prepare('INSERT INTO tickets (event_id, buyer) VALUES (?, ?)');
$buyer = 'li@example.org';
$stmt->bind_param('is', $eventId, $buyer);
$stmt->execute();
echo "ticket {$stmt->insert_id}\n";

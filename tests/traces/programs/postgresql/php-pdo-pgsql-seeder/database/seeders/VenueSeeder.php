<?php
final class VenueSeeder
{
    public function run(PDO $db): void
    {
        $db->exec("INSERT INTO venues VALUES (1, 'Town Hall')");
    }
}

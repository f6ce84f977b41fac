<?php
require __DIR__ . '/ConcertSeeder.php';
require __DIR__ . '/VenueSeeder.php';

final class DatabaseSeeder
{
    public function run(PDO $db): void
    {
        foreach ([new ConcertSeeder(), new VenueSeeder()] as $seeder) {
            echo 'Seeding: ' . $seeder::class . PHP_EOL;
            $seeder->run($db);
        }
    }
}

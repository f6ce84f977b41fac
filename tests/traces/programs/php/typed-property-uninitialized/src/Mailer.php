<?php
interface Transport { public function send(string $to, string $body): void; }

final class Mailer
{
    private Transport $transport;

    public function setTransport(Transport $t): void { $this->transport = $t; }

    public function welcome(string $to): void
    {
        $this->transport->send($to, 'Welcome aboard!');
    }
}

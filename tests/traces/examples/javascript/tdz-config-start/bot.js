// Posts the morning weather summary to the team chat.
start();

const config = {
  city: process.env.WEATHER_CITY || 'Ghent',
  channel: '#general',
};

function start() {
  console.log(`weather-bot: posting for ${config.city} to ${config.channel}`);
}

const signup = Modal('#signup');
signup.open();

/** Strings of sign-in and sign-out (guide §1.2 and §4). */
const fr = {
  'login.title': 'Se connecter',
  'login.intro': 'Connectez-vous pour consulter vos rendez-vous et votre plan d’action individualisé.',
  'login.email': 'Adresse courriel',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.invalid': 'Adresse courriel ou mot de passe incorrect.',
  'login.required.email': 'Entrez votre adresse courriel.',
  'login.required.password': 'Entrez votre mot de passe.',
  'login.throttled': 'Trop de tentatives de connexion. Pour votre sécurité, attendez 15 minutes avant de réessayer.',
  'login.signedOut': 'Vous êtes maintenant déconnecté.',
  'login.sessionExpired': 'Votre session a expiré. Connectez-vous de nouveau.',
  'logout.title': 'Déconnexion',
  'logout.question': 'Voulez-vous vraiment vous déconnecter ?',
  'logout.yes': 'Oui',
  'logout.no': 'Non',
};

export const messages = {
  fr,
  en: {
    'login.title': 'Sign in',
    'login.intro': 'Sign in to see your appointments and your individualized action plan.',
    'login.email': 'Email address',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.invalid': 'Incorrect email address or password.',
    'login.required.email': 'Enter your email address.',
    'login.required.password': 'Enter your password.',
    'login.throttled': 'Too many sign-in attempts. For your security, wait 15 minutes before trying again.',
    'login.signedOut': 'You are now signed out.',
    'login.sessionExpired': 'Your session has expired. Please sign in again.',
    'logout.title': 'Sign out',
    'logout.question': 'Do you really want to sign out?',
    'logout.yes': 'Yes',
    'logout.no': 'No',
  } satisfies Record<keyof typeof fr, string>,
};

/** Strings of the sign-in's known devices and its unlock link (« Débloquer la connexion »). */
const fr = {
  'login.throttled.device': 'Trop de tentatives de connexion depuis cet appareil. Réessayez dans {minutes} min.',
  'login.throttled.unlock':
    "Trop de tentatives de connexion à ce compte, tous réseaux confondus. Si un compte existe à cette adresse, un courriel vient d'y être envoyé avec un lien pour vous connecter depuis cet appareil. Sinon, réessayez dans {minutes} min.",
  'unlock.title': 'Débloquer la connexion',
  'unlock.intro': "Ce lien fait de ce navigateur un appareil reconnu pour votre compte : les tentatives de connexion d'autres personnes ne vous empêcheront plus de vous y connecter.",
  'unlock.submit': 'Débloquer la connexion sur cet appareil',
  'unlock.invalid': "Ce lien n'est plus valide (déjà utilisé ou expiré). Essayez de vous connecter : un nouveau lien vous sera envoyé au besoin.",
  'unlock.done': 'Cet appareil est maintenant reconnu. Vous pouvez vous connecter.',
  'unlock.mail.subject': 'Connexion bloquée à votre compte Accompagnement Québec',
  'unlock.mail.body':
    "Bonjour,\n\nDe nombreuses tentatives de connexion à votre compte ont échoué, depuis plusieurs réseaux : la connexion est bloquée pour un moment sur les appareils que nous ne reconnaissons pas.\n\nSi c'est vous qui essayez de vous connecter, ouvrez ce lien sur votre appareil (valide {minutes} minutes, une seule fois) :\n{link}\n\nSi ce n'est pas vous, vous n'avez rien à faire : votre mot de passe n'a pas été trouvé. Choisissez-en un long et unique si ce n'est pas déjà le cas.\n\nAccompagnement Québec",
};

export const messages = {
  fr,
  en: {
    'login.throttled.device': 'Too many sign-in attempts from this device. Try again in {minutes} min.',
    'login.throttled.unlock':
      'Too many sign-in attempts to this account, from all networks together. If an account exists at this address, an email has just been sent to it with a link to sign in from this device. Otherwise, try again in {minutes} min.',
    'unlock.title': 'Unblock signing in',
    'unlock.intro': "This link makes this browser a known device for your account: other people's sign-in attempts will no longer keep you from signing in on it.",
    'unlock.submit': 'Unblock signing in on this device',
    'unlock.invalid': 'This link no longer works (already used or expired). Try to sign in: a new link will be sent if needed.',
    'unlock.done': 'This device is now recognized. You can sign in.',
    'unlock.mail.subject': 'Signing in to your Accompagnement Québec account is blocked',
    'unlock.mail.body':
      'Hello,\n\nMany sign-in attempts to your account have failed, from several networks: signing in is blocked for a while on devices we do not recognize.\n\nIf it is you trying to sign in, open this link on your device (valid {minutes} minutes, once):\n{link}\n\nIf it is not you, there is nothing to do: your password was not found. Choose a long, unique one if you have not already.\n\nAccompagnement Québec',
  } satisfies Record<keyof typeof fr, string>,
};

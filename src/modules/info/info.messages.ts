/** « Nous joindre » and the footer's pages: « Accessibilité », « Confidentialité », « Conditions d'utilisation ». */
const fr = {
  'info.contact.title': 'Nous joindre',
  'info.contact.description': "Comment joindre le Centre de contacts clientèle d'Accompagnement Québec\u202f: numéros de téléphone, ATS et heures d'ouverture.",
  'info.contact.agent':
    "Vous avez déjà une agente ou un agent d'aide à l'intégration\u202f? Ses coordonnées sont dans «\u202fAccompagnement Québec\u202f», sous «\u202fMon agente ou mon agent d'aide à l'intégration\u202f». C'est la personne qui connaît votre dossier.",
  'info.contact.centre': 'Centre de contacts clientèle',
  'info.contact.phone': 'Téléphone',
  'info.contact.phoneValue': '{phone} ou {tollFree} (sans frais)',
  'info.contact.tty': 'ATS (téléphone pour personnes sourdes ou malentendantes)',
  'info.contact.hours': "Heures d'ouverture",
  'info.contact.hoursValue': '{hours} (heure du Québec)',
  'info.contact.mail':
    "Les courriels du service sont envoyés automatiquement et annoncent seulement un nouveau message\u202f: n'y répondez pas. Le message lui-même se lit dans le Centre des messages de votre dossier en ligne.",
  'info.contact.problem': "Un problème pour utiliser le service avec une technologie d'assistance\u202f? Voyez la page {link}.",
  'info.accessibility.title': 'Accessibilité',
  'info.accessibility.description': "L'accessibilité d'Accompagnement Québec\u202f: le standard suivi (SGQRI 008, WCAG 2.1 niveau AA), ce qui est vérifié, les limites connues et comment signaler un problème.",
  'info.accessibility.standard': "Accompagnement Québec vise la conformité au standard gouvernemental sur l'accessibilité du Web (SGQRI 008) et aux Règles pour l'accessibilité des contenus Web (WCAG) 2.1, niveau AA.",
  'info.accessibility.doneTitle': 'Ce que nous faisons',
  'info.accessibility.done1': 'Chaque page fonctionne sans JavaScript, au clavier seulement, sur un téléphone comme sur un ordinateur, en français et en anglais.',
  'info.accessibility.done2': "Chaque page des parcours principaux est vérifiée automatiquement avec l'outil axe, à chaque modification du service.",
  'info.accessibility.done3': "Le texte peut être agrandi jusqu'à 200 % sans perte de contenu\u202f; les couleurs respectent les contrastes demandés.",
  'info.accessibility.limitsTitle': 'Limites connues',
  'info.accessibility.done4':
    "Votre session se ferme après 30 minutes sans activité. Deux minutes avant, une fenêtre vous l'annonce et vous propose de rester connecté. Si la session s'est fermée quand même, le formulaire que vous envoyez est gardé une heure\u202f: après vous être reconnecté, vous le retrouvez rempli.",
  'info.accessibility.limits2':
    "Le PDF de «\u202fMes documents\u202f» est balisé pour les lecteurs d'écran (titres, tableaux et leurs en-têtes, langue, numéros de page), mais sa conformité complète à la norme PDF/UA n'a pas été vérifiée (ses polices ne sont pas incorporées)\u202f: les mêmes renseignements sont dans les pages du service, qui s'impriment aussi.",
  'info.accessibility.reportTitle': 'Signaler un problème',
  'info.accessibility.report':
    "Une page vous bloque ou un contenu ne vous est pas accessible\u202f? Appelez le Centre de contacts clientèle au {phone} ou au {tollFree} (sans frais), ATS {tty} ou {ttyTollFree}, {hours}. Dites-nous la page et ce qui vous empêche de l'utiliser\u202f: nous vous aiderons à faire votre démarche autrement et nous corrigerons le problème.",
  'info.privacy.title': 'Confidentialité',
  'info.privacy.description': "Les renseignements personnels qu'Accompagnement Québec conserve, qui les voit, combien de temps et vos droits selon la Loi 25.",
  'info.privacy.intro':
    "Vos renseignements personnels sont protégés selon la Loi sur l'accès aux documents des organismes publics et sur la protection des renseignements personnels, modifiée par la Loi 25. Ils servent seulement à vous offrir l'accompagnement que vous avez demandé.",
  'info.privacy.storedTitle': 'Ce que le service conserve',
  'info.privacy.stored1': 'Votre compte\u202f: nom, adresse courriel, numéro de téléphone, langue et fuseau horaire, et votre mot de passe sous une forme chiffrée qui ne permet pas de le relire.',
  'info.privacy.stored2': "Votre demande\u202f: vos réponses (identification, préférences pour le premier rendez-vous, besoin d'interprète ou d'accommodement).",
  'info.privacy.stored3': "Votre accompagnement\u202f: rendez-vous et annulations, plan d'action, notes de votre agente ou de votre agent, messages.",
  'info.privacy.stored4': "Un journal des connexions et des changements à votre dossier, avec l'adresse IP\u202f: il sert à la sécurité et à savoir qui a consulté votre dossier.",
  'info.privacy.whoTitle': 'Qui voit vos renseignements',
  'info.privacy.who1': 'Vous, dans votre dossier en ligne.',
  'info.privacy.who2': "L'agente ou l'agent qui vous accompagne\u202f; avant l'attribution de votre demande, les agentes et agents de l'équipe qui la reçoit.",
  'info.privacy.who3': "Les gestionnaires de l'équipe, pour attribuer les dossiers et vérifier le journal.",
  'info.privacy.who4':
    "Personne d'autre\u202f: aucun renseignement n'est vendu ni utilisé pour de la publicité. Les notes internes du personnel ne vous sont pas montrées\u202f; la liste des personnes qui ont ouvert votre dossier, elle, l'est, dans «\u202fMes documents\u202f».",
  'info.privacy.cookiesTitle': 'Témoins et appareil',
  'info.privacy.cookies':
    "Le service utilise trois témoins (cookies) nécessaires\u202f: votre session, la protection des formulaires et la langue choisie\u202f; un quatrième, seulement si votre session s'est fermée pendant que vous envoyiez un formulaire, permet de vous le rendre et disparaît au plus tard une heure après. Aucun témoin de mesure d'audience ni de publicité, aucun service d'un tiers. Les courriels annoncent seulement un nouveau message, sans renseignement personnel. Si vous installez l'application, les pages déjà consultées sont gardées sur votre appareil pour être lues hors ligne\u202f; elles en sont effacées à la déconnexion.",
  'info.privacy.retentionTitle': 'Durée de conservation',
  'info.privacy.retention':
    "Votre dossier est conservé tant que l'accompagnement dure, puis {years} ans après sa fermeture. Il est ensuite anonymisé\u202f: votre nom, vos coordonnées et vos textes sont effacés, y compris dans le journal.",
  'info.privacy.rightsTitle': 'Vos droits',
  'info.privacy.rights':
    'Vous pouvez consulter vos renseignements et les télécharger («\u202fMes documents\u202f», «\u202fTélécharger mes données\u202f»), les corriger («\u202fMon profil\u202f») et poser toute question sur leur utilisation au Centre de contacts clientèle ({link}).',
  'info.terms.title': "Conditions d'utilisation",
  'info.terms.description': "Les conditions d'utilisation d'Accompagnement Québec\u202f: votre compte, vos rendez-vous, la sécurité et la disponibilité du service.",
  'info.terms.intro':
    "Accompagnement Québec permet aux personnes immigrantes qui ont demandé un accompagnement de suivre leurs rendez-vous, leur plan d'action et leurs messages avec leur agente ou leur agent d'aide à l'intégration.",
  'info.terms.account':
    "Votre compte est personnel\u202f: ne communiquez votre mot de passe à personne. Les renseignements que vous donnez doivent être exacts\u202f; corrigez-les dans «\u202fMon profil\u202f» s'ils changent.",
  'info.terms.appointments':
    "Vous pouvez annuler un rendez-vous planifié\u202f; un nouveau rendez-vous vous sera proposé dans les {days} jours ouvrables. La date, l'heure et le mode d'un rendez-vous sont fixés par votre agente ou votre agent.",
  'info.terms.security': 'Pour votre sécurité, la session se ferme après 30 minutes sans activité et au plus tard 12 heures après la connexion. Les connexions et les changements sont consignés dans un journal.',
  'info.terms.availability': "Le service peut être interrompu pour l'entretien. Vos rendez-vous et vos messages ne sont pas perdus pour autant.",
  'info.terms.language': 'Le service est offert en français et en anglais. En cas de divergence, la version française prévaut.',
};

export const messages = {
  fr,
  en: {
    'info.contact.title': 'Contact us',
    'info.contact.description': 'How to reach the Accompagnement Québec client contact centre: phone numbers, TTY and opening hours.',
    'info.contact.agent': 'Already have an integration agent? Their contact details are on the "Accompagnement Québec" page, under "My integration agent". They are the person who knows your file.',
    'info.contact.centre': 'Client contact centre',
    'info.contact.phone': 'Phone',
    'info.contact.phoneValue': '{phone} or {tollFree} (toll free)',
    'info.contact.tty': 'TTY (phone for deaf or hard-of-hearing people)',
    'info.contact.hours': 'Opening hours',
    'info.contact.hoursValue': '{hours} (Québec time)',
    'info.contact.mail': "The service's e-mails are sent automatically and only announce a new message: do not reply to them. The message itself is read in the Message centre of your online file.",
    'info.contact.problem': 'Trouble using the service with an assistive technology? See the {link} page.',
    'info.accessibility.title': 'Accessibility',
    'info.accessibility.description': 'The accessibility of Accompagnement Québec: the standard followed (SGQRI 008, WCAG 2.1 level AA), what is checked, known limits and how to report a problem.',
    'info.accessibility.standard': "Accompagnement Québec aims to conform to the Québec government's web accessibility standard (SGQRI 008) and to the Web Content Accessibility Guidelines (WCAG) 2.1, level AA.",
    'info.accessibility.doneTitle': 'What we do',
    'info.accessibility.done1': 'Every page works without JavaScript, with the keyboard alone, on a phone as on a computer, in French and in English.',
    'info.accessibility.done2': 'Every page of the main journeys is checked automatically with the axe tool, on every change to the service.',
    'info.accessibility.done3': 'Text can be enlarged up to 200% without losing content; colours meet the required contrast.',
    'info.accessibility.limitsTitle': 'Known limits',
    'info.accessibility.done4':
      'Your session closes after 30 minutes without activity. Two minutes before, a window tells you and offers to keep you signed in. If the session has closed all the same, the form you send is kept for an hour: once you have signed in again, you find it filled in.',
    'info.accessibility.limits2':
      'The PDF of "My documents" is tagged for screen readers (headings, tables and their headers, language, page numbers), but its full conformance to the PDF/UA standard has not been checked (its fonts are not embedded): the same information is in the service\'s pages, which can be printed too.',
    'info.accessibility.reportTitle': 'Report a problem',
    'info.accessibility.report':
      'A page blocks you or some content is not accessible to you? Call the client contact centre at {phone} or {tollFree} (toll free), TTY {tty} or {ttyTollFree}, {hours}. Tell us the page and what stops you from using it: we will help you complete your step another way and fix the problem.',
    'info.privacy.title': 'Privacy',
    'info.privacy.description': 'The personal information Accompagnement Québec keeps, who sees it, for how long, and your rights under Law 25.',
    'info.privacy.intro':
      'Your personal information is protected under the Act respecting Access to documents held by public bodies and the Protection of personal information, as amended by Law 25. It is used only to offer you the support you asked for.',
    'info.privacy.storedTitle': 'What the service keeps',
    'info.privacy.stored1': 'Your account: name, e-mail address, phone number, language and time zone, and your password in a hashed form that cannot be read back.',
    'info.privacy.stored2': 'Your request: your answers (identification, preferences for the first appointment, need for an interpreter or an accommodation).',
    'info.privacy.stored3': "Your support: appointments and cancellations, action plan, your agent's notes, messages.",
    'info.privacy.stored4': 'A log of sign-ins and changes to your file, with the IP address: it serves security and shows who opened your file.',
    'info.privacy.whoTitle': 'Who sees your information',
    'info.privacy.who1': 'You, in your online file.',
    'info.privacy.who2': 'The integration agent who supports you; before your request is assigned, the agents of the team that receives it.',
    'info.privacy.who3': "The team's managers, to assign files and check the log.",
    'info.privacy.who4': 'No one else: no information is sold or used for advertising. Staff\'s internal notes are not shown to you; the list of the people who opened your file is, in "My documents".',
    'info.privacy.cookiesTitle': 'Cookies and your device',
    'info.privacy.cookies':
      'The service uses three necessary cookies: your session, the protection of forms and the language you chose; a fourth, only if your session closed while you were sending a form, lets us give it back to you and is gone an hour later at most. No audience-measurement or advertising cookie, no third-party service. E-mails only announce a new message, without personal information. If you install the app, the pages you have viewed are kept on your device to be read offline; they are erased from it when you sign out.',
    'info.privacy.retentionTitle': 'How long it is kept',
    'info.privacy.retention': 'Your file is kept while your support lasts, then {years} years after it is closed. It is then anonymized: your name, contact details and texts are erased, in the log too.',
    'info.privacy.rightsTitle': 'Your rights',
    'info.privacy.rights': 'You can see your information and download it ("My documents", "Download my data"), correct it ("My profile") and ask any question about its use to the client contact centre ({link}).',
    'info.terms.title': 'Terms of use',
    'info.terms.description': "The terms of use of Accompagnement Québec: your account, your appointments, security and the service's availability.",
    'info.terms.intro': 'Accompagnement Québec lets immigrants who asked for support follow their appointments, their action plan and their messages with their integration agent.',
    'info.terms.account': 'Your account is personal: do not share your password with anyone. The information you give must be accurate; correct it in "My profile" when it changes.',
    'info.terms.appointments': 'You can cancel a scheduled appointment; a new appointment will be offered to you within {days} business days. The date, time and mode of an appointment are set by your agent.',
    'info.terms.security': 'For your security, the session closes after 30 minutes without activity and at the latest 12 hours after signing in. Sign-ins and changes are recorded in a log.',
    'info.terms.availability': 'The service may be interrupted for maintenance. Your appointments and messages are not lost.',
    'info.terms.language': 'The service is offered in French and in English. In case of discrepancy, the French version prevails.',
  } satisfies Record<keyof typeof fr, string>,
};

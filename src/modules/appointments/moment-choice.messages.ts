/** « Choisir un nouveau moment »: the client picks their new moment after cancelling (when their team allows it). */
const fr = {
  'appointments.choice.link': 'Choisir un nouveau moment',
  'appointments.choice.orWait': 'Vous pouvez aussi choisir vous-même un nouveau moment parmi les moments libres de votre agente ou de votre agent.',
  'appointments.choice.title': 'Choisir un nouveau moment',
  'appointments.choice.intro':
    "Choisissez l'un des moments libres de votre agente ou de votre agent d'aide à l'intégration (heure du Québec). Le rendez-vous est réservé dès que vous le choisissez ; vous recevrez un message et un courriel.",
  'appointments.choice.same': 'Même type, même mode et même durée que le rendez-vous annulé : {minutes} minutes.',
  'appointments.choice.inAvailability': 'Selon vos disponibilités',
  'appointments.choice.pick': 'Réserver',
  'appointments.choice.pickLabel': 'Réserver le {moment}',
  'appointments.choice.none': 'Aucun moment libre pour le moment. Votre agente ou votre agent vous proposera un nouveau rendez-vous.',
  'appointments.choice.back': 'Retour à mes rendez-vous',
  'appointments.choice.SLOT_TAKEN': "Ce moment vient d'être réservé. Choisissez-en un autre.",
  'appointments.choice.CHOICE_CLOSED': "Vous ne pouvez plus choisir vous-même ce moment : un nouveau rendez-vous vous a déjà été proposé, ou ce choix n'est plus offert.",
};

const en: Record<keyof typeof fr, string> = {
  'appointments.choice.link': 'Choose a new time',
  'appointments.choice.orWait': "You may also choose a new time yourself among your agent's free times.",
  'appointments.choice.title': 'Choose a new time',
  'appointments.choice.intro': "Choose one of your integration agent's free times (Québec time). The appointment is booked as soon as you choose it; you will receive a message and an email.",
  'appointments.choice.same': 'Same type, mode and length as the cancelled appointment: {minutes} minutes.',
  'appointments.choice.inAvailability': 'Within your availability',
  'appointments.choice.pick': 'Book',
  'appointments.choice.pickLabel': 'Book {moment}',
  'appointments.choice.none': 'No free time for now. Your agent will propose a new appointment.',
  'appointments.choice.back': 'Back to my appointments',
  'appointments.choice.SLOT_TAKEN': 'This time was just booked. Choose another one.',
  'appointments.choice.CHOICE_CLOSED': 'You can no longer choose this time yourself: a new appointment was already proposed to you, or this choice is no longer offered.',
};

export const messages = { fr, en };

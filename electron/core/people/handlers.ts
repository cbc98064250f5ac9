import { ApiError } from '../../../shared/api/errors';
import type { peopleMethods } from '../../../shared/api/people';
import { anyone, signedIn } from '../authorisation';
import type { HandlersFor } from '../registry';
import { insertPerson, listPeople, personWithSameName } from './repo';

export const peopleHandlers: HandlersFor<typeof peopleMethods> = {
  'people.list': { auth: anyone, run: (ctx) => listPeople(ctx.db) },
  'people.create': {
    auth: signedIn,
    run(ctx, { name }) {
      const clash = personWithSameName(ctx.db, name);
      if (clash) throw new ApiError('CONFLICT', `There is already a profile called “${clash.name}”. Choose it, or add a distinguishing detail.`);
      const person = { id: ctx.newId(), name, createdAt: ctx.now() };
      insertPerson(ctx.db, person);
      return person;
    },
  },
};

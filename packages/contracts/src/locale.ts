import { z } from 'zod';

// Chinese messages for every zod error, on the server and in the web app alike.
z.config(z.locales.zhCN());

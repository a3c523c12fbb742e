// `npm stop`: stops the services and workers `npm start` launched (the infrastructure keeps running).
import { stopApps } from './apps.mjs';

await stopApps((message) => console.log(message));

/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // change the app name and vendor
  // cm135: the product's name in the header instead of "Camunda Tasklist".
  app: {
    name: '任务列表',
    vendor: '135工作法'
  },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // cm135: Simplified Chinese only, whatever language the browser asks for (an English browser would
  // otherwise get English chrome around Chinese forms).
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // cm135: scripts/cm135-camunda-forms-validity.js keeps 完成 usable on Camunda Forms with dynamic lists
  // (form-js 1.8.7 reports valid list rows as errors; see the script); scripts/cm135-forms-zh.js puts
  // form-js's own texts (validation messages, list and table controls) into 简体中文; scripts/cm135-navbar.js
  // offers 新建任务 and 发起流程 to administrators only.
  requireJsConfig: {
    ngDeps: ['cm135.camundaFormsValidity'],
    deps: ['cm135-camunda-forms-validity', 'cm135-forms-zh', 'cm135-navbar'],
    paths: {
      'cm135-navbar': 'scripts/cm135-navbar',
      'cm135-camunda-forms-validity': 'scripts/cm135-camunda-forms-validity',
      'cm135-forms-zh': 'scripts/cm135-forms-zh'
    }
  },
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // cm135: shortcut descriptions are shown as-is in the shortcut help dialog, hence in Chinese.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
